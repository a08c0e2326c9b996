package io.meshport.sla;

import io.meshport.catalog.SlaProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A service-level objective as a contract's {@code slaProperties} declare it, read into a form
 * that can be measured. What cannot be measured from observations (retention, time to repair,
 * support hours, ...) keeps its declaration and says so: it is shown, never given a fake status.
 *
 * @param outputPort the port whose contract declares it; empty for the product-wide quality checks
 * @param property the ODCS property as declared (its key, with the port)
 * @param declared the objective in words, e.g. "freshness ≤ 4 h"
 * @param allowance for freshness and frequency: the longest the data may go without an update
 * @param percent for availability: the share of successful probes promised
 */
public record Objective(
        String outputPort,
        String property,
        String declared,
        Measure measure,
        @Nullable Duration allowance,
        @Nullable Double percent) {

    /** How an objective is measured, if at all. */
    public enum Measure {
        /** ODCS {@code latency} (its name for freshness): time since the last update. */
        FRESHNESS,
        /** Updates at least this often: the gaps between consecutive updates. */
        FREQUENCY,
        /** Share of successful availability probes. */
        AVAILABILITY,
        /** Quality checks sent by the pipelines (not an ODCS SLA property, but measured alike). */
        QUALITY,
        NOT_MEASURED
    }

    /** The product-wide objective that every quality check passes. */
    static Objective quality() {
        return new Objective("", "quality", "quality checks pass", Measure.QUALITY, null, null);
    }

    public boolean measured() {
        return measure != Measure.NOT_MEASURED;
    }

    private static final Map<String, Duration> UNITS = units();

    /** Reads one declared property; unknown units or values leave it declared but not measured. */
    static Objective of(String outputPort, SlaProperty sla) {
        String property = sla.property().strip();
        String name = property.toLowerCase(Locale.ROOT);
        String value = sla.value() == null ? "" : sla.value().strip();
        String unit = sla.unit() == null ? "" : sla.unit().strip();
        String asDeclared = (value + " " + unit).strip();
        switch (name) {
            case "latency", "freshness" -> {
                Duration allowance = duration(value, unit);
                if (allowance != null) {
                    return new Objective(
                            outputPort, property, "freshness ≤ " + asDeclared, Measure.FRESHNESS, allowance, null);
                }
            }
            case "frequency" -> {
                Duration allowance = duration(value, unit);
                if (allowance != null) {
                    return new Objective(
                            outputPort, property, "updated every " + asDeclared, Measure.FREQUENCY, allowance, null);
                }
            }
            case "availability" -> {
                Double percent = percent(value, unit);
                if (percent != null) {
                    return new Objective(
                            outputPort,
                            property,
                            "availability ≥ " + number(percent) + " %",
                            Measure.AVAILABILITY,
                            null,
                            percent);
                }
            }
            default -> {}
        }
        String words = words(property) + (asDeclared.isEmpty() ? "" : " " + asDeclared);
        if (sla.valueExt() != null && !sla.valueExt().isBlank()) {
            words += " (" + sla.valueExt().strip() + ")";
        }
        return new Objective(outputPort, property, words, Measure.NOT_MEASURED, null, null);
    }

    /**
     * A duration from an ODCS value and unit, tolerant of the spellings in use ({@code d}, {@code
     * day}, {@code days}, {@code h}, {@code hr}, {@code hour}, {@code m}, {@code min}, {@code ms},
     * ...), or an ISO-8601 duration as the value; null when it is not one.
     */
    static @Nullable Duration duration(String value, String unit) {
        if (value.isEmpty()) {
            return null;
        }
        if (unit.isEmpty() && value.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                return null;
            }
        }
        Duration perUnit = UNITS.get(unit.toLowerCase(Locale.ROOT));
        if (perUnit == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0) {
                return null;
            }
            BigDecimal millis = amount.multiply(BigDecimal.valueOf(perUnit.toMillis()));
            return Duration.ofMillis(millis.longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static @Nullable Double percent(String value, String unit) {
        String number =
                value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        String u = unit.toLowerCase(Locale.ROOT);
        if (!(u.isEmpty() || u.equals("%") || u.equals("percent") || u.equals("pct"))) {
            return null;
        }
        try {
            double percent = Double.parseDouble(number);
            return percent > 0 && percent <= 100 ? percent : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** timeToRepair -> "time to repair" */
    private static String words(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Duration> units() {
        Map<String, Duration> units = new java.util.HashMap<>();
        put(units, Duration.ofMillis(1), "ms", "msec", "millisecond", "milliseconds");
        put(units, Duration.ofSeconds(1), "s", "sec", "secs", "second", "seconds");
        put(units, Duration.ofMinutes(1), "m", "min", "mins", "minute", "minutes");
        put(units, Duration.ofHours(1), "h", "hr", "hrs", "hour", "hours");
        put(units, Duration.ofDays(1), "d", "day", "days");
        put(units, Duration.ofDays(7), "w", "wk", "week", "weeks");
        put(units, Duration.ofDays(30), "mo", "month", "months");
        put(units, Duration.ofDays(365), "y", "yr", "yrs", "year", "years");
        return Map.copyOf(units);
    }

    private static void put(Map<String, Duration> units, Duration duration, String... names) {
        for (String name : names) {
            units.put(name, duration);
        }
    }
}
