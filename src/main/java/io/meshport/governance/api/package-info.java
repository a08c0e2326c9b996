/**
 * The REST API of global policies and their results: governance writes, previews and retires
 * policies and grants exemptions; everyone signed in reads them, their history, each product's
 * compliance, exemptions and trust score. Every call goes through {@link
 * io.meshport.governance.GovernanceService}, which checks who may do what.
 */
@NullMarked
package io.meshport.governance.api;

import org.jspecify.annotations.NullMarked;
