package io.meshport.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An API request whose body is counted as it is read: past the limit, reading fails with {@link
 * RequestBodyTooLargeException}; a read that times out fails with {@link
 * RequestBodyTimeoutException}. The limit starts at the default and is set per endpoint by {@link
 * BodyLimitInterceptor} before the endpoint reads anything.
 */
final class BoundedRequest extends HttpServletRequestWrapper {

    private static final String ATTRIBUTE = BoundedRequest.class.getName();

    private long limit;
    private long read;
    private @Nullable ServletInputStream stream;

    BoundedRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
        request.setAttribute(ATTRIBUTE, this);
    }

    static @Nullable BoundedRequest of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof BoundedRequest bounded ? bounded : null;
    }

    void limit(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Refuses at once what its Content-Length announces as too large. */
    void checkDeclaredLength() {
        if (getContentLengthLong() > limit) {
            throw new RequestBodyTooLargeException(limit);
        }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        checkDeclaredLength();
        if (stream == null) {
            stream = new Counting(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private void count(int bytes) {
        if (bytes > 0) {
            read += bytes;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }
    }

    private static IOException timeoutOrRethrow(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                throw new RequestBodyTimeoutException(e);
            }
        }
        return e;
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
            } catch (IOException e) {
                throw timeoutOrRethrow(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                // Never read far past the limit, whatever the caller's buffer.
                int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
                count(n);
                return n;
            } catch (IOException e) {
                throw timeoutOrRethrow(e);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
