package io.meshport.system;

import java.util.Map;

/**
 * An exception that a client's request caused and that the API answers as a problem document
 * (RFC 9457) of its own status. Features' exceptions implement it, so that one advice ({@link
 * ApiProblems}) answers for all of {@code /api} without knowing the features.
 */
public interface ClientProblem {

    /** The HTTP status, 4xx. */
    int status();

    /** The problem type's last segment: the document's {@code type} is {@code /problems/<type>}. */
    String problemType();

    /** A short summary that does not change from occurrence to occurrence. */
    String title();

    /** What happened this time, in words the caller can act on: the exception's message unless it says otherwise. */
    default String detail() {
        return getMessage();
    }

    /** Implemented by the exception itself ({@link Throwable#getMessage()}). */
    String getMessage();

    /** Members beside the standard ones, e.g. {@code errors}. */
    default Map<String, Object> properties() {
        return Map.of();
    }
}
