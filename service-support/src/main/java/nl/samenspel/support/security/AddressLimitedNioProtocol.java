package nl.samenspel.support.security;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tomcat's HTTP/1.1 NIO connector with a cap on how many connections one client address may hold open at once.
 *
 * <p>Tomcat bounds connections only in total ({@code maxConnections}), so one address could take them all, idle or
 * trickling. Here the endpoint counts open connections per remote address as it registers and forgets them, and a
 * connection beyond the cap is answered 429 and closed as soon as it is accepted, before it costs a buffer or a
 * thread. A cap of zero (or less) switches the count off. Behind a reverse proxy every connection comes from the
 * proxy's address: raise or switch off the cap there and let the proxy limit its clients.
 */
public class AddressLimitedNioProtocol extends Http11NioProtocol {
    public AddressLimitedNioProtocol() {
        super(new Endpoint());
    }

    public void setMaxConnectionsPerAddress(int max) {
        ((Endpoint) getEndpoint()).maxPerAddress = max;
    }

    public int getMaxConnectionsPerAddress() {
        return ((Endpoint) getEndpoint()).maxPerAddress;
    }

    /** The connections open from {@code address} right now. */
    public int openConnections(InetAddress address) {
        return ((Endpoint) getEndpoint()).open.getOrDefault(address, 0);
    }

    private static final class Endpoint extends NioEndpoint {
        private static final byte[] REFUSAL = refusal();

        private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
        private volatile int maxPerAddress;

        Endpoint() {
            // The endpoint registers every connection it serves in this map and removes it when the connection
            // closes, whatever closed it: the one place that sees both ends of every connection.
            connections = new CountingConnections(open);
        }

        /** Runs on the single acceptor thread, so the count checked here cannot grow before the connection is put. */
        @Override
        protected boolean setSocketOptions(SocketChannel socket) {
            int max = maxPerAddress;
            InetAddress address = CountingConnections.addressOf(socket);
            if (max > 0 && address != null && open.getOrDefault(address, 0) >= max) {
                try {
                    // Freshly accepted and still blocking, its send buffer empty: this write does not wait.
                    socket.write(ByteBuffer.wrap(REFUSAL));
                } catch (IOException gone) {
                    // closed below all the same
                }
                // As Tomcat's own refusal of a socket it cannot set up: close it and free its place in maxConnections.
                destroySocket(socket);
                return false;
            }
            return super.setSocketOptions(socket);
        }

        private static byte[] refusal() {
            String problem = "{\"type\":\"https://samenspel.example/problems/too-many-requests\","
                    + "\"title\":\"Too many connections\",\"status\":429,"
                    + "\"detail\":\"Too many connections from your address are open; close some and try again.\","
                    + "\"errors\":[{\"field\":\"connection\",\"message\":\"too many connections from your address\"}]}";
            return ("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
                    + "Connection: close\r\nContent-Length: " + problem.length() + "\r\n\r\n" + problem)
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The endpoint's map of open connections, counting them per remote address as they come and go. */
    private static final class CountingConnections extends ConcurrentHashMap<SocketChannel, SocketWrapperBase<NioChannel>> {
        private final Map<InetAddress, Integer> open;
        private final Map<SocketChannel, InetAddress> addresses = new ConcurrentHashMap<>();

        CountingConnections(Map<InetAddress, Integer> open) {
            this.open = open;
        }

        @Override
        public SocketWrapperBase<NioChannel> put(SocketChannel socket, SocketWrapperBase<NioChannel> wrapper) {
            SocketWrapperBase<NioChannel> previous = super.put(socket, wrapper);
            InetAddress address = addressOf(socket);
            if (previous == null && address != null) {
                addresses.put(socket, address);
                open.merge(address, 1, Integer::sum);
            }
            return previous;
        }

        @Override
        public SocketWrapperBase<NioChannel> remove(Object socket) {
            SocketWrapperBase<NioChannel> removed = super.remove(socket);
            InetAddress address = addresses.remove(socket);
            if (removed != null && address != null) {
                open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
            return removed;
        }

        static InetAddress addressOf(SocketChannel socket) {
            try {
                return socket.getRemoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
            } catch (IOException closed) {
                return null;
            }
        }
    }
}
