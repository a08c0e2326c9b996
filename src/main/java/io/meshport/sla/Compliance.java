package io.meshport.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The compliance rules of docs/decisions/0009-sla-compliance.md, as pure functions of an
 * objective, the observations that concern it and the time now, so that they are tested without
 * a database or a clock.
 */
final class Compliance {

    /** The share of an allowance (or error budget) after which an objective is at risk. */
    static final double AT_RISK_SHARE = 0.8;

    /** How much later than its period an update may come before a frequency counts as missed. */
    static final double FREQUENCY_GRACE = 1.2;

    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);

    private Compliance() {}

    /** A status and, in words, what it rests on. */
    record Measurement(ComplianceStatus status, String measured) {}

    /**
     * The objective's status over the window ending now. Observations outside the window, in the
     * future, or of another kind are ignored, so callers may pass all of a product's.
     */
    static Measurement measure(Objective objective, List<Observation> observations, Instant now, Duration window) {
        List<Observation> seen = within(observations, kindOf(objective), now, window);
        return switch (objective.measure()) {
            case FRESHNESS -> freshness(objective, seen, now, window);
            case FREQUENCY -> frequency(objective, seen, now, window);
            case AVAILABILITY -> availability(objective, seen, window);
            case QUALITY -> quality(seen, window);
            case NOT_MEASURED -> new Measurement(ComplianceStatus.NO_DATA, "not measured");
        };
    }

    private static Measurement freshness(Objective objective, List<Observation> updates, Instant now, Duration window) {
        if (updates.isEmpty()) {
            return noData("no update", window);
        }
        Duration allowance = allowance(objective);
        Duration age = Duration.between(updates.getLast().at(), now);
        String measured = "last update " + ago(age);
        if (age.compareTo(allowance) > 0) {
            return new Measurement(ComplianceStatus.BREACHED, measured);
        }
        Duration longest = longestGap(updates, null);
        if (longest.compareTo(allowance) > 0) {
            return new Measurement(
                    ComplianceStatus.AT_RISK, measured + "; an earlier gap of " + duration(longest) + " exceeded it");
        }
        if (age.toMillis() > allowance.toMillis() * AT_RISK_SHARE) {
            return new Measurement(ComplianceStatus.AT_RISK, measured);
        }
        return new Measurement(ComplianceStatus.MET, measured);
    }

    private static Measurement frequency(Objective objective, List<Observation> updates, Instant now, Duration window) {
        if (updates.isEmpty()) {
            return noData("no update", window);
        }
        Duration allowance = allowance(objective);
        // The gap still open (since the last update) counts: an update that is late is a missed one.
        Duration longest = longestGap(updates, now);
        String measured = "longest gap " + duration(longest) + " across " + count(updates.size(), "update");
        // Updates exactly on schedule are gaps of one period: met. Schedules jitter, so a late update
        // within a fifth of the period is a risk, and only beyond that a missed one.
        if (longest.toMillis() > allowance.toMillis() * FREQUENCY_GRACE) {
            return new Measurement(ComplianceStatus.BREACHED, measured);
        }
        if (longest.compareTo(allowance) > 0) {
            return new Measurement(ComplianceStatus.AT_RISK, measured);
        }
        return new Measurement(ComplianceStatus.MET, measured);
    }

    private static Measurement availability(Objective objective, List<Observation> probes, Duration window) {
        if (probes.isEmpty()) {
            return noData("no probe", window);
        }
        double promised = objective.percent() == null ? 100 : objective.percent();
        long succeeded = probes.stream()
                .filter(probe -> Boolean.TRUE.equals(probe.outcome()))
                .count();
        double share = 100.0 * succeeded / probes.size();
        String measured = String.format(Locale.ROOT, "%.1f %% of %,d probes succeeded", share, probes.size());
        if (share < promised) {
            return new Measurement(ComplianceStatus.BREACHED, measured);
        }
        // The error budget is what the promise leaves to fail; most of it spent is a risk.
        double budget = 100 - promised;
        if (100 - share > budget * AT_RISK_SHARE && share < 100) {
            return new Measurement(ComplianceStatus.AT_RISK, measured);
        }
        return new Measurement(ComplianceStatus.MET, measured);
    }

    private static Measurement quality(List<Observation> checks, Duration window) {
        if (checks.isEmpty()) {
            return noData("no quality check", window);
        }
        long passed = checks.stream()
                .filter(check -> Boolean.TRUE.equals(check.outcome()))
                .count();
        Map<String, Observation> latest = new HashMap<>();
        for (Observation check : checks) {
            latest.put(check.check() == null ? "" : check.check(), check);
        }
        long failingNow = latest.values().stream()
                .filter(check -> !Boolean.TRUE.equals(check.outcome()))
                .count();
        String measured = String.format(Locale.ROOT, "%,d of %,d checks passed", passed, checks.size());
        if (failingNow > 0) {
            return new Measurement(
                    ComplianceStatus.BREACHED, measured + "; " + count(failingNow, "check") + " failing now");
        }
        if (passed < checks.size()) {
            return new Measurement(ComplianceStatus.AT_RISK, measured + "; all passing now");
        }
        return new Measurement(ComplianceStatus.MET, measured);
    }

    /**
     * The earliest instant after {@code now} at which time passing alone may change the objective's
     * status over the window, or null when it cannot (nothing observed in or ahead of the window):
     * an observation entering or leaving the window, or the last update growing older than a share
     * of the allowance at which the rules above change their answer. It may name an instant at which
     * nothing changes (a check then finds the status as it was), never one later than a change.
     */
    static @Nullable Instant nextChange(
            Objective objective, List<Observation> observations, Instant now, Duration window) {
        ObservationKind kind = kindOf(objective);
        if (kind == null) {
            return null;
        }
        Instant from = now.minus(window);
        Instant next = null;
        Instant lastUpdate = null;
        for (Observation observation : observations) {
            if (observation.kind() != kind) {
                continue;
            }
            if (observation.at().isAfter(now)) {
                next = earliest(next, observation.at().plus(JUST_AFTER));
            } else if (!observation.at().isBefore(from)) {
                next = earliest(next, observation.at().plus(window).plus(JUST_AFTER));
                if (lastUpdate == null || observation.at().isAfter(lastUpdate)) {
                    lastUpdate = observation.at();
                }
            }
        }
        if (lastUpdate != null
                && (objective.measure() == Objective.Measure.FRESHNESS
                        || objective.measure() == Objective.Measure.FREQUENCY)) {
            long allowance = allowance(objective).toMillis();
            for (double share : new double[] {AT_RISK_SHARE, 1, FREQUENCY_GRACE}) {
                Instant threshold =
                        lastUpdate.plusMillis(Math.round(allowance * share)).plus(JUST_AFTER);
                if (threshold.isAfter(now)) {
                    next = earliest(next, threshold);
                }
            }
        }
        return next;
    }

    /** The rules compare strictly ("older than"): a status changes just after a threshold. */
    private static final Duration JUST_AFTER = Duration.ofMillis(1);

    private static Instant earliest(@Nullable Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** What the chart of an objective plots over the window: see the decision record. */
    static SlaSeries series(Objective objective, List<Observation> observations, Instant now, Duration window) {
        List<Observation> seen = within(observations, kindOf(objective), now, window);
        return switch (objective.measure()) {
            case FRESHNESS, FREQUENCY -> {
                List<SlaSeries.Point> points = new ArrayList<>();
                for (int i = 1; i < seen.size(); i++) {
                    points.add(new SlaSeries.Point(
                            seen.get(i).at(),
                            hours(seen.get(i - 1).at(), seen.get(i).at())));
                }
                if (!seen.isEmpty()) {
                    points.add(new SlaSeries.Point(now, hours(seen.getLast().at(), now)));
                }
                yield new SlaSeries("hours since the previous update", points, hours(allowance(objective)));
            }
            case AVAILABILITY -> new SlaSeries("% of probes succeeded per day", daily(seen), objective.percent());
            case QUALITY -> new SlaSeries("% of checks passed per day", daily(seen), 100.0);
            case NOT_MEASURED -> new SlaSeries("", List.of(), null);
        };
    }

    // ---------------------------------------------------------------- helpers

    static @Nullable ObservationKind kindOf(Objective objective) {
        return switch (objective.measure()) {
            case FRESHNESS, FREQUENCY -> ObservationKind.UPDATED;
            case AVAILABILITY -> ObservationKind.AVAILABILITY;
            case QUALITY -> ObservationKind.QUALITY;
            case NOT_MEASURED -> null;
        };
    }

    private static List<Observation> within(
            List<Observation> observations, @Nullable ObservationKind kind, Instant now, Duration window) {
        Instant from = now.minus(window);
        return observations.stream()
                .filter(o -> o.kind() == kind && o.at().isAfter(from) && !o.at().isAfter(now))
                .sorted(Comparator.comparing(Observation::at))
                .toList();
    }

    private static Duration longestGap(List<Observation> updates, @Nullable Instant now) {
        Duration longest = Duration.ZERO;
        for (int i = 1; i < updates.size(); i++) {
            Duration gap =
                    Duration.between(updates.get(i - 1).at(), updates.get(i).at());
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        if (now != null) {
            Duration open = Duration.between(updates.getLast().at(), now);
            longest = open.compareTo(longest) > 0 ? open : longest;
        }
        return longest;
    }

    private static List<SlaSeries.Point> daily(List<Observation> seen) {
        Map<Instant, long[]> days = new TreeMap<>();
        for (Observation o : seen) {
            Instant day =
                    o.at().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
            long[] counts = days.computeIfAbsent(day, d -> new long[2]);
            counts[0] += Boolean.TRUE.equals(o.outcome()) ? 1 : 0;
            counts[1]++;
        }
        List<SlaSeries.Point> points = new ArrayList<>();
        days.forEach((day, counts) ->
                points.add(new SlaSeries.Point(day.plus(Duration.ofHours(12)), 100.0 * counts[0] / counts[1])));
        return points;
    }

    private static Duration allowance(Objective objective) {
        return objective.allowance() == null ? Duration.ZERO : objective.allowance();
    }

    private static Measurement noData(String what, Duration window) {
        return new Measurement(ComplianceStatus.NO_DATA, what + " in the last " + window.toDays() + " days");
    }

    private static double hours(Instant from, Instant to) {
        return hours(Duration.between(from, to));
    }

    private static double hours(Duration duration) {
        return Math.round(duration.toMillis() / 36_000.0) / 100.0;
    }

    static String ago(Duration age) {
        return age.toMinutes() < 1 ? "just now" : duration(age) + " ago";
    }

    /** "3 d 4 h", "2 h 5 min", "12 min", "40 s": the two largest units that matter. */
    static String duration(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return duration.toSeconds() + " s";
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
