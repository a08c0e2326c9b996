/** The application shell: the main layout, its navigation and the signed-in user's header. */
@NullMarked
package io.meshport.shell;

import org.jspecify.annotations.NullMarked;
