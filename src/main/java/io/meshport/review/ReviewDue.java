package io.meshport.review;

import java.time.LocalDate;

/**
 * Published by the review feature's periodic check for each active product whose review is due
 * soon or overdue, once per product and due date.
 */
public record ReviewDue(String productId, String productName, String ownerTeam, LocalDate due, boolean overdue) {}
