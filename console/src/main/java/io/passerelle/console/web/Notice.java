package io.passerelle.console.web;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an action did, said on the next page in the user's language: a message key of the section's bundle and its
 * arguments (e.g. {@code changes.approved} with the change's title). Kept as a flash attribute across the redirect.
 */
public record Notice(String key, Object... args) implements Serializable {

    /** Says it on the page the action redirects to. */
    public static void flash(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("notice", new Notice(key, args));
    }
}
