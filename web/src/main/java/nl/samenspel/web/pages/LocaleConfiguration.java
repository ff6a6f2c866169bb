package nl.samenspel.web.pages;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Dutch and English: the browser's language by default, a switch ({@code ?lang=nl} or {@code ?lang=en}) that is
 * remembered in a cookie, and every label from the message bundles.
 */
@Configuration
public class LocaleConfiguration implements WebMvcConfigurer {
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // One bundle per part of the application: the pages to read, the entry forms, the management pages.
        messages.setBasenames("web/i18n/messages", "web/i18n/entries", "web/i18n/manage", "web/i18n/policy",
                                "web/i18n/admin", "web/i18n/evaluations", "web/i18n/minutes", "web/i18n/alerts",
                                "web/i18n/refusals", "web/i18n/examples");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("samenspel-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            for (Locale wanted : java.util.Collections.list(request.getLocales())) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Only the two languages the bundles speak can be switched to.
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String wanted = request.getParameter(getParamName());
                boolean known = SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(wanted));
                return !known || super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
