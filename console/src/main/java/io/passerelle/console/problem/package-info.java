/** Problems and known errors: the causes behind incidents, from raising to closing, and their linked incidents. */
@NullMarked
package io.passerelle.console.problem;

import org.jspecify.annotations.NullMarked;
