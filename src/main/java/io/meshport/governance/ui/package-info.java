/**
 * The governance pages: {@code /governance} (policies with their pass rates, compliance per
 * domain and team with a chart over time, the violations, exemptions about to expire) and the
 * policy editor {@code /governance/policies/{id}} with its dry run. Every signed-in user reads
 * them; only governance sees the buttons that change anything, and the service checks again.
 */
@NullMarked
package io.meshport.governance.ui;

import org.jspecify.annotations.NullMarked;
