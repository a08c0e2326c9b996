/**
 * Governance in the browser: {@code /governance} (policies with their pass rates, compliance per
 * domain and team with a chart over time, the violations, exemptions about to expire), the policy
 * editor {@code /governance/policies/{id}} with its dry run, and the product page's Policies tab
 * (each policy's result for the product and its trust score, explained point by point). Every
 * signed-in user reads them; only governance sees the buttons that change anything, and the
 * service checks again.
 */
@NullMarked
package io.meshport.governance.ui;

import org.jspecify.annotations.NullMarked;
