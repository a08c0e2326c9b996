/**
 * The access pages: "Request access" beside each output port, the product page's Access tab, and
 * {@code /access} with my teams' requests and agreements both ways. They go through {@link
 * io.meshport.access.AccessService} alone, which decides who may do what.
 */
@NullMarked
package io.meshport.access.ui;

import org.jspecify.annotations.NullMarked;
