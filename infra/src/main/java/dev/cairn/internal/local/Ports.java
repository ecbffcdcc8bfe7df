package dev.cairn.internal.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for servers that must be told their port before they bind (ElasticMQ, s3proxy). */
public final class Ports {
    private Ports() {}

    /**
     * A port that was free a moment ago. Another process may take it before the caller binds;
     * callers that cannot tolerate that retry with a new port.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
