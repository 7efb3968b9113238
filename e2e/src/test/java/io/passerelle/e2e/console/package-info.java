/** The web console in a real browser: headless Chromium driven by Selenium through the e2e stack's gateway. */
@NullMarked
package io.passerelle.e2e.console;

import org.jspecify.annotations.NullMarked;
