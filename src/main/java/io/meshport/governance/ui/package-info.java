/**
 * Governance in the browser: the /governance pages and the product page's Policies tab (each
 * policy's result for the product and its trust score, explained point by point).
 */
@NullMarked
package io.meshport.governance.ui;

import org.jspecify.annotations.NullMarked;
