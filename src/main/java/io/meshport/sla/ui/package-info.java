/** The SLA tab of the product page: objectives declared and measured, with their charts. */
@NullMarked
package io.meshport.sla.ui;

import org.jspecify.annotations.NullMarked;
