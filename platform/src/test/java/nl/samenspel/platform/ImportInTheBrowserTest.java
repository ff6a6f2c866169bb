package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator in a real headless Chromium imports a spreadsheet: downloads a template for contributions and checks
 * its header, uploads a CSV with one bad row and sees that row refused by the number the spreadsheet shows (also
 * after a cell with a line break) with its column and reason, fixes the file and uploads it again, sees it pass,
 * logs it; the API then holds the entries and the steering group's dashboard shows the give and take they add up to.
 * Screenshots in both languages, wide and narrow; axe-core on every page.
 */
class ImportInTheBrowserTest extends InTheBrowser {
    private static final ZoneId PAGES = ZoneId.of("Europe/Amsterdam");

    private String network;
    private String gemeente;
    private String zorg;
    private Path files;

    @BeforeAll
    void aNetworkWithTwoPartners() throws Exception {
        Api.Login coordinator = demo.bearer("coordinator");
        LocalDate today = LocalDate.now(PAGES);
        network = foundNetwork("Netwerk Import", today.minusDays(60), "coordinator", "steering");
        Map<String, String> partners = joinPartners(network, coordinator, today.minusDays(50), "Gemeente Lindewaard",
                                                    "Zorggroep Het Anker");
        gemeente = partners.get("Gemeente Lindewaard");
        zorg = partners.get("Zorggroep Het Anker");
        TestPlatform.awaitProjections(demo.platform);
        files = Files.createTempDirectory("samenspel-import-files");
    }

    @Test
    void aCoordinatorChecksAFileFixesTheRefusedRowLogsItAndTheSteeringDashboardShowsTheContributions()
            throws Exception {
        Api.Login steeringApi = demo.bearer("steering");
        JsonNode before = demo.query("/api/networks/" + network + "/health", steeringApi).path("indicators").path("H4");
        assertThat(before.path("status").asText()).as("no contributions yet").isEqualTo("NA");

        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network);
        browser.await("[data-test=import-link]").click();
        browser.await("[data-test=upload-form]");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the import page").isEmpty();
        assertThat(browser.find("[data-test=partner-ids]").getText()).contains(gemeente).contains(zorg);
        shots("import");

        // The template: the header names type and the columns of the kinds ticked, with an example row per kind.
        browser.find("[data-test=kind-contribution-recorded]").click();
        browser.find("[data-test=kind-meeting-held]").click();
        String template = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var form = document.querySelector('[data-test=template-form]');
                var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();
                fetch(url).then(function (r) { return r.text(); }).then(done);""");
        List<String> templateRows = template.replace("\uFEFF", "").lines().toList();
        assertThat(templateRows.get(0)).startsWith("type,").contains("fromPartnerId", "toPartnerId", "quantity",
                                                                        "estimatedValueEur", "attendance", "occurredOn")
                                       .doesNotContain("commandId");
        assertThat(templateRows).hasSize(3);
        assertThat(templateRows.get(1)).startsWith("contribution-recorded,");
        assertThat(templateRows.get(2)).startsWith("meeting-held,").contains(":board;");

        // A sheet whose first row has a note with a line break, so the bad row is row 3 but starts on line 4.
        LocalDate today = LocalDate.now(PAGES);
        String header = "type,fromPartnerId,toPartnerId,kind,quantity,unit,estimatedValueEur,capital,status,occurredOn,note";
        String first = "contribution-recorded,%s,,money,1500,EUR,1500,economic,delivered,%s,\"Start-up budget\nfor the teams\""
                .formatted(gemeente, today.minusDays(5));
        String second = "contribution-recorded,%s,%s,capacity,%s,hours,2500,social,delivered,%s,Case managers"
                .formatted(zorg, gemeente, "%s", today.minusDays(3));
        // the third row names its partners as people do, by name (in any case), not by id
        String third = "contribution-recorded,Gemeente Lindewaard,zorggroep het anker,knowledge,8,days,4000,cultural,delivered,%s,Training"
                .formatted(today.minusDays(2));
        Path bad = files.resolve("history.csv");
        Files.writeString(bad, String.join("\r\n", header, first, second.formatted("-40"), third) + "\r\n",
                          StandardCharsets.UTF_8);
        upload(bad);

        WebElement refused = browser.await("[data-test=check-refused]");
        assertThat(refused.getText()).contains("1 row was refused").contains("Nothing was logged");
        List<WebElement> refusals = browser.all("[data-test=refusal]");
        assertThat(refusals).hasSize(1);
        WebElement row = refusals.get(0);
        assertThat(row.getDomAttribute("data-row")).isEqualTo("3");
        assertThat(row.getDomAttribute("data-field")).isEqualTo("quantity");
        assertThat(row.findElement(By.cssSelector("th")).getText()).startsWith("3").contains("line 4");
        assertThat(row.getText()).contains("Contribution recorded").contains("-40");
        assertThat(browser.find("[data-test=row-note]").getText()).contains("header is row 1");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the refused check").isEmpty();
        assertThat(events("ContributionRecorded")).as("a check logs nothing").isEmpty();
        shots("import-refused");
        // On a Dutch page the service's reason is said in Dutch too, not left in English with a note that it is.
        String checked = browser.driver.getCurrentUrl().replaceAll("[?&]lang=[a-z]+", "");
        String glue = checked.contains("?") ? "&" : "?";
        browser.driver.get(checked + glue + "lang=nl");
        assertThat(browser.await("[data-test=reason]").getText()).isEqualTo("Moet groter zijn dan 0.");
        assertThat(browser.all("[data-test=english-note]")).as("no reason left in English").isEmpty();
        browser.driver.get(checked + glue + "lang=en");
        browser.await("[data-test=check-refused]");

        // One row alone, on a Dutch page: said of one entry ("alle 1 vastleggingen" read as a slip)
        Path one = files.resolve("history-one.csv");
        Files.writeString(one, String.join("\r\n", header, first) + "\r\n", StandardCharsets.UTF_8);
        browser.open("/networks/" + network + "/import?lang=nl");
        upload(one);
        assertThat(browser.await("[data-test=check-clean]").getText())
                .contains("Controle geslaagd: de vastlegging kan worden vastgelegd.");
        assertThat(browser.find("[data-test=log-submit]").getText()).isEqualTo("Deze vastlegging in het logboek zetten");
        assertThat(browser.find("[data-test=as-read] h3").getText()).isEqualTo("Rij voor rij, zoals het in het logboek komt");
        assertThat(browser.find("[data-test=read-row]").getText()).contains("Gemeente Lindewaard").contains("Geld")
                                                              .contains("Start-up budget");
        browser.open("/networks/" + network + "/import?lang=en");

        // Fixed in the spreadsheet and uploaded again: every row passes, and still nothing is logged.
        Path fixed = files.resolve("history-fixed.csv");
        Files.writeString(fixed, String.join("\r\n", header, first, second.formatted("40"), third) + "\r\n",
                          StandardCharsets.UTF_8);
        upload(fixed);
        WebElement clean = browser.await("[data-test=check-clean]");
        assertThat(clean.getText()).contains("Check passed: all 3 entries can be logged").contains("3 × Contribution recorded");
        assertThat(browser.all("[data-test=example-rows]")).as("rows of one's own are no examples").isEmpty();
        assertThat(browser.find("[data-test=not-yet]").getText()).as("a passed check is not yet a logged file")
                .startsWith("Nothing has been logged yet");
        assertThat(events("ContributionRecorded")).isEmpty();
        // each row as it will stand in the log, named as the forms name things: the counts alone did not say whether
        // a date, a name or a sum was read as meant
        List<WebElement> read = browser.all("[data-test=read-row]");
        assertThat(read).extracting(r -> r.getDomAttribute("data-row")).containsExactly("2", "3", "4");
        assertThat(read.get(1).findElement(By.cssSelector("th")).getText()).as("the row after a line break")
                .startsWith("3").contains("line 4");
        assertThat(read.get(1).getText()).contains(today.minusDays(3).toString()).contains("Zorggroep Het Anker")
                                         .contains("40").contains("€2,500").doesNotContain(zorg);
        assertThat(read.get(2).getText()).as("partners written by name, in any case, are read as the partners")
                .contains("Gemeente Lindewaard").contains("Zorggroep Het Anker").contains("Knowledge")
                .doesNotContain(gemeente).doesNotContain("zorggroep het anker");
        assertThat(browser.all("[data-test=in-log]")).isEmpty();
        assertThat(browser.all("[data-test=log-submit-below]")).as("three rows: one button is near enough").isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the clean check").isEmpty();
        shots("import-clean");

        // Logged with the keyboard; the button says how many, and a second press sends nothing more.
        WebElement log = browser.find("[data-test=log-submit]");
        assertThat(log.getText()).isEqualTo("Log these 3 entries");
        log.sendKeys(Keys.ENTER);
        WebElement done = browser.await("[data-test=import-done]");
        assertThat(done.getDomAttribute("data-logged")).isEqualTo("3");
        assertThat(done.getText()).contains("3 entries were logged");
        assertThat(browser.find("main").getText()).contains("figures include the new entries");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the result").isEmpty();
        shots("import-done");

        JsonNode logged = events("ContributionRecorded");
        assertThat(logged).hasSize(3);
        assertThat(logged.get(1).path("payload").path("quantity").asInt()).isEqualTo(40);
        assertThat(logged.get(0).path("payload").path("note").asText()).isEqualTo("Start-up budget\nfor the teams");
        assertThat(logged.get(2).path("payload").path("fromPartnerId").asText()).isEqualTo(gemeente);
        assertThat(logged.get(2).path("payload").path("toPartnerId").asText()).isEqualTo(zorg);

        // Sending the same checked file again (a reload of the form, a second click) logs nothing new.
        String uploadUrl = browser.driver.getCurrentUrl().replaceAll("[?#].*$", "");
        ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0] + '/log', {method: 'POST', headers: {'X-CSRF-TOKEN': arguments[1]}})
                  .then(function () { done(); }, function () { done(); });""", uploadUrl, csrf());
        assertThat(events("ContributionRecorded")).hasSize(3);

        // The history link leads to the first new entry.
        browser.find("[data-test=history-link]").click();
        assertThat(browser.await("main").getText()).contains("Contribution recorded");

        // The same file uploaded a second time (someone not sure it went in) logs nothing new either, and says so.
        browser.open("/networks/" + network + "/import");
        upload(fixed);
        assertThat(browser.await("[data-test=logged-before]").getText())
                .startsWith("Every entry of this file is in the log already (3;");
        assertThat(browser.all("[data-test=not-yet]")).as("not told both that nothing and everything is logged").isEmpty();
        assertThat(browser.find("[data-test=check-clean]").getText()).as("nor that all can be logged")
                .startsWith("✓ Check passed: the 3 entries are in order.");
        // nor does its button promise to log them: it said "Log these 3 entries" beside "logging it adds nothing"
        assertThat(browser.find("[data-test=log-submit]").getText()).isEqualTo("Send it again (adds nothing)");
        shots("import-logged-before");
        // The sheet kept up to date, a row added: the check says how many rows are in the log already and that
        // logging adds only the new one (it is not logged here).
        Path grown = files.resolve("history-grown.csv");
        Files.writeString(grown, String.join("\r\n", header, first, second.formatted("40"), third,
                "contribution-recorded,Gemeente Lindewaard,,money,250,EUR,250,economic,pledged," + today.minusDays(1) + ",Extra")
                + "\r\n", StandardCharsets.UTF_8);
        browser.find("[data-test=other-file] summary").click();
        WebElement previousCheck = browser.find("[data-test=logged-before]");
        upload(grown);
        browser.awaitGone(previousCheck);
        assertThat(browser.await("[data-test=logged-before]").getText())
                .startsWith("3 of these 4 entries are in the log already").endsWith("logging adds only the other 1.");
        // and the button what logging adds: "Log these 4 entries" stood beside it
        assertThat(browser.find("[data-test=log-submit]").getText()).isEqualTo("Log the new entry (3 are in the log already)");
        // and which rows those are
        assertThat(browser.all("[data-test=read-row]")).extracting(r -> !r.findElements(By.cssSelector("[data-test=in-log]")).isEmpty())
                                                      .containsExactly(true, true, true, false);
        assertThat(browser.all("[data-test=not-yet]")).isEmpty();
        browser.open("/networks/" + network + "/import");
        upload(fixed);
        browser.await("[data-test=log-submit]").click();
        WebElement again = browser.await("[data-test=import-done]");
        assertThat(again.getDomAttribute("data-logged")).isEqualTo("0");
        assertThat(again.getText()).contains("Nothing new was logged").contains("3 entries of this file were logged before");
        assertThat(events("ContributionRecorded")).hasSize(3);

        // The steering group's dashboard shows give and take from the new contributions.
        JsonNode after = demo.query("/api/networks/" + network + "/health", steeringApi).path("indicators").path("H4");
        assertThat(after.path("status").asText()).isNotEqualTo("NA");
        assertThat(after.path("figures").path("totalGivenEur").asDouble()).isEqualTo(8000.0);
        assertThat(after.path("figures").path("delivered").asInt()).isEqualTo(3);
        browser.login("steering", demo.passwords.get("steering"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network);
        WebElement tile = browser.await("[data-test=tile-H4]");
        assertThat(tile.getDomAttribute("data-status")).isEqualTo(after.path("status").asText());
        assertThat(tile.findElement(By.cssSelector("[data-test=tile-value]")).getText()).contains("8,000");
        assertThat(tile.getText()).contains("3 contributions delivered");
        assertThat(browser.all("[data-test=import-link]")).as("steering members import nothing").isEmpty();
        browser.open("/networks/" + network + "/import");
        WebElement notForSteering = browser.await("[data-test=problem]");
        assertThat(notForSteering.getDomAttribute("data-reason")).isEqualTo("forbidden");
        // refused for the role held here, which the page names, not as a network that is not theirs
        assertThat(notForSteering.getText()).contains("Not for your role").contains("(steering group)")
                                     .doesNotContain("You hold no role");
        assertThat(browser.driver.getTitle()).contains("Not for your role");
        shots("problem-not-for-role");
    }

    @Test
    void aTemplateWithoutAKindAndASpreadsheetFileAreRefusedBesideTheirFields() throws Exception {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/import");
        // While a file is being checked the form says so, is marked busy and cannot be sent twice (the sending itself
        // is held back here, so the busy state stays to be seen).
        Path any = files.resolve("busy.csv");
        Files.writeString(any, "type,note\r\n", StandardCharsets.UTF_8);
        browser.await("#file").sendKeys(any.toAbsolutePath().toString());
        browser.js("document.addEventListener('submit', function (e) { e.preventDefault(); });");
        browser.find("[data-test=check-submit]").click();
        WebElement form = browser.find("[data-test=upload-form]");
        assertThat(form.getDomAttribute("aria-busy")).isEqualTo("true");
        assertThat(browser.find("#check-busy").getText()).startsWith("Checking the file");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5))
                .until(d -> !browser.find("[data-test=check-submit]").isEnabled());
        browser.open("/networks/" + network + "/import");
        // An empty file is refused with 400, as every refused form is, not answered 200 like a page that went through
        Object emptyFile = browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var form = document.querySelector('[data-test=upload-form]');
                var data = new FormData(form);
                data.set('file', new Blob([]), 'empty.csv');
                fetch(form.action, {method: 'POST', body: data}).then(function (r) { done(r.status); });""");
        assertThat(emptyFile).isEqualTo(400L);
        // on a phone the error comes back in view: below the long list of kinds it stood out of sight
        browser.resize(390);
        browser.await("[data-test=template-submit]").click();
        WebElement noKind = browser.await("[data-test=error-kinds]");
        assertThat(noKind.getText()).contains("at least one kind");
        assertThat(browser.js("var r = arguments[0].getBoundingClientRect();"
                              + " return r.top >= 0 && r.bottom <= window.innerHeight;", noKind))
                .as("the error about the kinds in view on a phone").isEqualTo(true);
        browser.resize(1400);

        Path xlsx = files.resolve("history.xlsx");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 0, 0});
        upload(xlsx);
        WebElement error = browser.await("[data-test=error-file]");
        assertThat(error.getText()).contains("CSV UTF-8");
        assertThat(browser.find("#file").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core with a refused file").isEmpty();

        // A file the service refuses as a whole says why in the page's language.
        browser.open("/networks/" + network + "/import?lang=nl");
        upload(any);
        assertThat(browser.await("[data-test=file-errors]").getText())
                .isEqualTo("het bestand: Het bestand bevat geen vastleggingen.");
        // A header without a kind column points at the header row in words, not at the service's "line 1".
        Path headless = files.resolve("no-type.csv");
        Files.writeString(headless, "note,occurredOn\r\nHello,2024-03-01\r\n", StandardCharsets.UTF_8);
        WebElement previous = browser.find("[data-test=file-errors]");
        upload(headless);
        browser.awaitGone(previous);
        assertThat(browser.await("[data-test=check-refused]").getText()).contains("Er is niets vastgelegd");
        assertThat(browser.find("main").getText()).contains("rij 1").doesNotContain("line 1");
        browser.open("/networks/" + network + "/import?lang=en");

        // A value inside a list cell is named as a person counts it, and shown alone: "attendance[1].level" beside
        // the whole cell read as code, the second value counted from 0.
        Path meeting = files.resolve("meeting.csv");
        Files.writeString(meeting, "type,kind,modality,purpose,attendance,occurredOn\r\n"
                + "meeting-held,formal,in-person,Steering group,%s:board;%s:uitvoerend,%s\r\n".formatted(
                        gemeente, gemeente, LocalDate.now(PAGES).minusDays(1)), StandardCharsets.UTF_8);
        upload(meeting);
        WebElement item = browser.await("[data-test=refusal]");
        assertThat(item.getDomAttribute("data-field")).isEqualTo("attendance, value 2 in the cell (level)");
        assertThat(item.getText()).contains(gemeente + ":uitvoerend").doesNotContain(":board;");

        // A JSON Lines file's refused field shows what the line held there, as a spreadsheet's cell does ("(empty)"
        // stood beside every refused field of such a file).
        Path lines = files.resolve("history.jsonl");
        Files.writeString(lines, """
                {"type":"contribution-recorded","fromPartnerId":"%s","kind":"capacity","quantity":-4,"unit":"hours","capital":"social","status":"delivered","occurredOn":"%s"}
                """.formatted(gemeente, LocalDate.now(PAGES).minusDays(1)), StandardCharsets.UTF_8);
        upload(lines);
        // the meeting's refusal stands until the page of this file replaces it
        browser.awaitGone(item);
        WebElement refusal = browser.await("[data-test=refusal]");
        assertThat(refusal.getDomAttribute("data-field")).isEqualTo("quantity");
        assertThat(refusal.getText()).contains("-4").doesNotContain("(empty)");

        // A row that names what a refused row creates is pointed at that row as the spreadsheet numbers it: a cell
        // with a line break above made it the file's line 4 but the sheet's row 3, and the page said "row 4".
        LocalDate day = LocalDate.now(PAGES).minusDays(1);
        Path together = files.resolve("together.csv");
        Files.writeString(together, String.join("\r\n",
                "type,agreementId,title,kind,partyIds,outcome,responsiblePartnerId,note,occurredOn",
                "agreement-made,AFS-1,Weekly walk,promise,Gemeente Lindewaard,,,\"Agreed at the kick-off,\nsee the minutes\"," + day,
                "agreement-made,AFS-2,Night shift,promise,Gemeente Nergens,,,," + day,
                "agreement-outcome-recorded,AFS-2,,,,kept,Gemeente Lindewaard,," + day) + "\r\n",
                StandardCharsets.UTF_8);
        upload(together);
        browser.awaitGone(refusal);
        browser.await("[data-test=refusal]");
        assertThat(browser.find("main").getText()).contains("Names what row 3 creates, and row 3 is refused")
                                                  .doesNotContain("row 4 creates");

        // A row with more cells than the header names shows its cells as read, so the cell that held the separator
        // shows as two: "(empty)" stood beside "the whole row".
        WebElement named = browser.find("[data-test=refusal]");
        Path unquoted = files.resolve("unquoted.csv");
        Files.writeString(unquoted, "type,note,occurredOn\r\ncontribution-recorded,Coffee, and cake," + day + "\r\n",
                          StandardCharsets.UTF_8);
        upload(unquoted);
        browser.awaitGone(named);
        WebElement whole = browser.await("[data-test=refusal]");
        assertThat(whole.getDomAttribute("data-field")).isEqualTo("the whole row");
        assertThat(whole.getText()).contains("contribution-recorded | Coffee | and cake | " + day).doesNotContain("(empty)");
    }

    /**
     * The template names this network's partners, by name, on today's date: sent back unchanged it passes the check.
     * Its example rows named made-up partner ids on dates in 2024, and were refused row by row ("no partner with this
     * id in this network").
     */
    @Test
    void aTemplateSentBackUnchangedPassesTheCheck() throws Exception {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/import?lang=nl");
        String template = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);""",
                "/networks/" + network + "/import/template.csv?kind=contribution-recorded&kind=agreement-made"
                + "&kind=meeting-held&separator=semicolon");
        assertThat(template).contains("Gemeente Lindewaard").contains("Zorggroep Het Anker")
                            .contains(LocalDate.now(PAGES).toString());
        // its example texts in the page's language: a Dutch page gave English sentences to replace
        assertThat(template).contains("Startbudget voor de wijkteams").contains("Gezamenlijke intake voor kwetsbare ouderen")
                            .contains("Stuurgroep: begroting 2025").doesNotContain("Start-up budget");
        // and its choices as the Dutch forms say them, which the check reads back as codes
        assertThat(template).contains(";Spelregel;Informatie delen;").contains(";Geld;").contains(";Toegezegd;")
                            .contains(";Hybride;").contains(":Bestuurlijk").doesNotContain(";rule;")
                            .doesNotContain(";minutes;");
        Path file = files.resolve("template-as-is.csv");
        Files.writeString(file, template, StandardCharsets.UTF_8);
        upload(file);
        WebElement clean = browser.await("[data-test=check-clean]");
        assertThat(clean.getText()).contains("Controle geslaagd: alle 3 vastleggingen kunnen worden vastgelegd.");
        // but the rows are still the template's examples: said before they are logged as real entries
        assertThat(browser.find("[data-test=example-rows]").getText())
                .contains("Rijen 2, 3, 4 bevatten nog een tekst uit de voorbeeldrijen van het sjabloon");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the example rows' note").isEmpty();
        shots("import-example-rows");
        browser.open("/networks/" + network + "/import?lang=en");
    }

    /**
     * A template for kinds that refer to one another (an agreement and its outcome, an evaluation with a response, its
     * closing and an action, a conflict's course, a sub-coalition's, a contribution delivered) and for kinds that name
     * a partner in a field of their own (the respondent, an action's owner, who cancelled), sent back unchanged, passes
     * the check: its rows referred to agreements, evaluations and conflicts by made-up ids, and named made-up partners
     * in those fields, so each such row was refused.
     */
    @Test
    void aTemplateOfKindsThatReferToOneAnotherSentBackUnchangedPassesTheCheck() throws Exception {
        List<String> kinds = List.of("agreement-made", "agreement-outcome-recorded", "contribution-recorded",
                                     "contribution-status-changed", "evaluation-opened",
                                     "evaluation-response-recorded", "evaluation-closed", "improvement-action-agreed",
                                     "improvement-action-completed", "conflict-registered", "conflict-progressed",
                                     "conflict-resolved", "sub-coalition-formed", "sub-coalition-changed",
                                     "sub-coalition-dissolved", "meeting-cancelled", "balance-assessed",
                                     "interest-declared", "regional-analysis-shared", "accountability-requested");
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/import?lang=en");
        String query = String.join("&", kinds.stream().map(kind -> "kind=" + kind).toList());
        String template = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);""",
                "/networks/" + network + "/import/template.csv?" + query);
        assertThat(template.lines().count()).isEqualTo(kinds.size() + 1);
        Path file = files.resolve("template-of-references.csv");
        Files.writeString(file, template, StandardCharsets.UTF_8);
        upload(file);
        WebElement clean = browser.await("[data-test=check-clean], [data-test=refusal]");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("[data-test=refusal]")))
                .as("rows refused").extracting(WebElement::getText).isEmpty();
        assertThat(clean.getText()).contains(kinds.size() + " entries");
        // each row as read names what earlier rows of the file create (the agreement, the evaluation, the conflict,
        // the contribution) as the forms name them, by no id
        assertThat(browser.all("[data-test=read-row]")).hasSize(kinds.size()).extracting(WebElement::getText)
                .noneMatch(row -> java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-").matcher(row).find());
        // downloaded again, the template names other ids for what it creates: both files can be logged
        String again = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);""",
                "/networks/" + network + "/import/template.csv?kind=agreement-made&kind=agreement-outcome-recorded");
        assertThat(agreementIds(again)).as("the outcome names the agreement of the row above").hasSize(1)
                                       .doesNotContainAnyElementsOf(agreementIds(template));
    }

    /**
     * A template of every kind the page offers, sent back unchanged, passes the check, but for the two that correct or
     * retract an entry of the log, which no template can know. Its withdrawal named the partner the other rows name,
     * so every later row naming that partner was refused; and a withdrawal beside other kinds without a partner joining
     * names a partner the other rows leave alone.
     */
    @Test
    void aTemplateOfEveryKindSentBackUnchangedPassesTheCheck() throws Exception {
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/import?lang=en");
        List<String> kinds = browser.all("input[name=kind]").stream().map(box -> box.getDomAttribute("value"))
                                    .filter(kind -> !List.of("entry-corrected", "entry-retracted").contains(kind))
                                    .toList();
        assertThat(kinds).contains("partner-joined", "partner-withdrew", "meeting-held").hasSizeGreaterThan(30);
        checkedUnchanged("every-kind.csv", kinds, "en");
        checkedUnchanged("withdrawal.csv", List.of("partner-withdrew", "agreement-made", "meeting-held",
                                                   "contribution-recorded"), "en");
        // in Dutch, with the choices in Dutch words
        checkedUnchanged("elke-soort.csv", kinds, "nl");
    }

    /**
     * The template of {@code kinds} for the test's network in {@code lang}, uploaded as it came on a page in that
     * language: every row passes the check.
     */
    private void checkedUnchanged(String name, List<String> kinds, String lang) throws Exception {
        browser.open("/networks/" + network + "/import?lang=" + lang);
        String template = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);""",
                "/networks/" + network + "/import/template.csv?"
                + String.join("&", kinds.stream().map(kind -> "kind=" + kind).toList()));
        Path file = files.resolve(name);
        Files.writeString(file, template, StandardCharsets.UTF_8);
        upload(file);
        WebElement clean = browser.await("[data-test=check-clean], [data-test=check-refused]");
        assertThat(browser.all("[data-test=refusal]")).extracting(WebElement::getText).as(name + ": rows refused")
                                                      .isEmpty();
        assertThat(clean.getText()).contains(kinds.size() + (lang.equals("nl") ? " vastleggingen" : " entries"));
        // the button stands below a long file's rows too, saying the same
        if (kinds.size() > 5) {
            assertThat(browser.find("[data-test=log-submit-below]").getText())
                    .isEqualTo(browser.find("[data-test=log-submit]").getText());
        }
        browser.open("/networks/" + network + "/import?lang=en");
    }

    /** The agreement ids a comma-separated template's agreement rows hold (made and outcome), none of them empty. */
    private static java.util.Set<String> agreementIds(String template) {
        List<String> rows = template.replace("\uFEFF", "").lines().toList();
        int column = List.of(rows.get(0).split(",", -1)).indexOf("agreementId");
        assertThat(column).as("an agreementId column").isPositive();
        java.util.Set<String> ids = new java.util.HashSet<>();
        rows.stream().skip(1).filter(row -> row.startsWith("agreement-")).forEach(row -> {
            String id = row.split(",", -1)[column];
            assertThat(id).as(row).matches("[0-9a-f-]{36}");
            ids.add(id);
        });
        return ids;
    }

    /**
     * A Dutch coordinator writes choices as the forms show them, in Dutch ("Waakzaamheid", "Verslag", "Subsidie"), and
     * dates day first, and saves the sheet separated by semicolons: the file passes the check and is logged with the
     * codes. The words were refused as no value of their field ("must be one of: guardedness, ..."), row by row.
     */
    @Test
    void choicesWrittenAsTheFormsSayThemInDutchAreReadAsTheirCodes() throws Exception {
        LocalDate measured = LocalDate.now(PAGES).minusDays(5);
        LocalDate granted = LocalDate.now(PAGES).minusDays(3);
        java.time.format.DateTimeFormatter dayFirst = java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy");
        Path file = files.resolve("in-dutch.csv");
        Files.writeString(file, String.join("\r\n",
                "type;level;signals;source;kind;title;occurredOn",
                "temperature-measured;2;\"Waakzaamheid; onderwerpen worden gemeden\";verslag;;;" + measured.format(dayFirst),
                "success-achieved;;;Document;SUBSIDIE;Subsidie voor de nachtzorg;" + granted.format(dayFirst)) + "\r\n",
                StandardCharsets.UTF_8);
        browser.login("coordinator", demo.passwords.get("coordinator"));
        browser.await("[data-test=network-link]");
        browser.open("/networks/" + network + "/import?lang=nl");
        upload(file);
        WebElement clean = browser.await("[data-test=check-clean], [data-test=check-refused]");
        assertThat(browser.all("[data-test=refusal]")).extracting(WebElement::getText).as("rows refused").isEmpty();
        assertThat(clean.getText()).contains("alle 2 vastleggingen");
        browser.find("[data-test=log-submit]").click();
        browser.await("[data-test=import-done]");
        JsonNode temperature = events("TemperatureMeasured").get(0).path("payload");
        List<String> signals = new java.util.ArrayList<>();
        temperature.path("signals").forEach(signal -> signals.add(signal.asText()));
        assertThat(signals).as("a set: in any order").containsExactlyInAnyOrder("guardedness", "avoided-topics");
        assertThat(temperature.path("source").asText()).isEqualTo("minutes");
        assertThat(temperature.path("occurredOn").asText()).isEqualTo(measured.toString());
        JsonNode success = events("SuccessAchieved").get(0).path("payload");
        assertThat(success.path("kind").asText()).isEqualTo("grant");
        assertThat(success.path("source").asText()).isEqualTo("document");
        browser.open("/networks/" + network + "/import?lang=en");
    }

    private void upload(Path file) {
        browser.await("#file").sendKeys(file.toAbsolutePath().toString());
        browser.find("[data-test=check-submit]").click();
    }

    private String csrf() {
        return browser.find("input[name=_csrf]").getDomProperty("value");
    }

    private JsonNode events(String type) {
        Api.Response response = Api.get(demo.platform.queryPort(), "/api/networks/" + network + "/events?type="
                + type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(), demo.bearer("coordinator"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

}
