package io.meshport.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP over a plain socket, for what a well-behaved client never does: announce a body and send
 * only part of it, or stop sending altogether.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect() throws IOException {
        URI portal = URI.create(TestInfrastructure.portalUrl());
        return new RawHttp(new Socket(portal.getHost(), portal.getPort()));
    }

    /** Sends the request line and headers (CRLF-separated lines, without the final blank line). */
    public RawHttp head(String... lines) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line : lines) {
            head.append(line).append("\r\n");
        }
        head.append("Host: 127.0.0.1\r\n\r\n");
        return send(head.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Everything the server answers until it closes the connection, stops for a moment after
     * answering, or the time is up; null when nothing came back in that time.
     */
    public String response(Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                answer.write(buffer, 0, read);
                socket.setSoTimeout(1000);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the answer (if any) is complete, or the server closed the connection on us
        }
        return answer.size() == 0 ? null : answer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
