package dev.sfsync.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a database server that counts the bytes the server sends: what a sync reads
 * out of the warehouse, whatever the driver. Accepts connections until closed.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final AtomicLong fromServer = new AtomicLong();
    private final Thread acceptor;

    CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofPlatform().daemon().name("counting-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Bytes sent by the server since the last reset. */
    long bytesFromServer() {
        return fromServer.get();
    }

    void reset() {
        fromServer.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofPlatform().daemon().start(() -> relay(client, upstream, null));
                Thread.ofPlatform().daemon().start(() -> relay(upstream, client, fromServer));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (counter != null) {
                    counter.addAndGet(n);
                }
            }
        } catch (IOException ignored) {
            // One side closed: the other is closed below.
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
