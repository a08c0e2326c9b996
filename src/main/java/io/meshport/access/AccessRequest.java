package io.meshport.access;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a consumer asks for: one output port of a product, for a purpose, on behalf of one of the
 * caller's teams (and optionally one of that team's products, which will read it).
 *
 * @param outputPortVersion which version of the port; null for the newest the product lists
 * @param purpose why the data is needed (Markdown; required)
 * @param startsOn the first day of use; null for today
 * @param until the last day of use; null for no end
 */
public record AccessRequest(
        String productId,
        String outputPort,
        @Nullable String outputPortVersion,
        String purpose,
        String consumerTeam,
        @Nullable String consumerProduct,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate until) {}
