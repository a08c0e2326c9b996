package io.meshport.system;

import org.springframework.util.unit.DataSize;

/** A request body over its endpoint's {@link BodyLimit}. Maps to 413. */
public class RequestBodyTooLargeException extends RuntimeException implements ClientProblem {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + describe(limit) + " (" + limit
                + " bytes), the most this endpoint accepts.");
        this.limit = limit;
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String problemType() {
        return "too-large";
    }

    @Override
    public String title() {
        return "Request body too large";
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("limit", limit);
    }

    private static String describe(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + " KiB";
        }
        return bytes + " bytes";
    }
}
