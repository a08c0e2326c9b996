@NullMarked
package io.meshport;

import org.jspecify.annotations.NullMarked;
