/** Splitting work over threads so that results do not depend on the thread count. */
package org.convkit.api.parallel;
