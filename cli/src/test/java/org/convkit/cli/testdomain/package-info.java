/** A test-only data domain, found through META-INF/services, so the CLI is tested without the real plugins. */
package org.convkit.cli.testdomain;
