/** Cross-cutting runtime concerns: the clock, and start-up failures explained in one line. */
@NullMarked
package io.meshport.system;

import org.jspecify.annotations.NullMarked;
