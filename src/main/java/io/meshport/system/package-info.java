/**
 * Cross-cutting runtime concerns: the clock, scheduling and the locks that run scheduled work once
 * across nodes, event retries, and start-up failures explained in one line.
 */
@NullMarked
package io.meshport.system;

import org.jspecify.annotations.NullMarked;
