/** What every page shares: the user, the navigation, the language, and how a service's refusal is shown. */
@NullMarked
package io.passerelle.console.web;

import org.jspecify.annotations.NullMarked;
