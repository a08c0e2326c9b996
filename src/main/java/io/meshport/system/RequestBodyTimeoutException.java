package io.meshport.system;

/** A request body that stopped arriving before it was complete. Maps to 408. */
public class RequestBodyTimeoutException extends RuntimeException implements ClientProblem {

    public RequestBodyTimeoutException(@org.jspecify.annotations.Nullable Throwable cause) {
        super(
                "The request body did not arrive in time: the connection went quiet before the body was complete.",
                cause);
    }

    @Override
    public int status() {
        return 408;
    }

    @Override
    public String problemType() {
        return "timeout";
    }

    @Override
    public String title() {
        return "Request body timed out";
    }
}
