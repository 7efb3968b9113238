package io.passerelle.console.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The landing page: the first section the user's roles can use, or a page that says there is none. */
@Controller
class Home {

    @GetMapping("/")
    String home(@ModelAttribute("sections") List<Section> sections) {
        if (!sections.isEmpty()) {
            return "redirect:" + sections.getFirst().path();
        }
        return "no-section";
    }
}
