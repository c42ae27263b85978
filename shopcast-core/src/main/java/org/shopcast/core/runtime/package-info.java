/** Process-wide runtime settings shared by the modules, such as the offline neural engine's. */
package org.shopcast.core.runtime;
