/**
 * The REST API of governance: global policies, their exemptions and each product's compliance.
 * Every call goes through {@link io.meshport.governance.GovernanceService}, which checks who may
 * do what.
 */
@NullMarked
package io.meshport.governance.api;

import org.jspecify.annotations.NullMarked;
