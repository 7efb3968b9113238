package io.passerelle.console.web;

import io.passerelle.console.api.ApiRefusal;
import io.passerelle.console.api.ApiUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How a refusal reaches the user. A service's 4xx is shown in its own words with its status: inside the page's message
 * region for an htmx request (HX-Retarget), as a page with a way back otherwise; a page the user's roles may not see
 * says so plainly. A 401 from a service means the session's token is no longer accepted: the user logs in again.
 */
@ControllerAdvice
class Refusals {

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refusal.unauthenticated()) {
            request.getSession().invalidate();
            if (htmx(request)) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setHeader("HX-Redirect", "/");
                return "fragments :: nothing";
            }
            return "redirect:/";
        }
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return answer(request, response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalid", e instanceof MissingServletRequestParameterException missing
                ? missing.getParameterName() : ((MethodArgumentTypeMismatchException) e).getName());
        return answer(request, response);
    }

    @ExceptionHandler(ApiUnavailable.class)
    String unavailable(ApiUnavailable e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_GATEWAY.value());
        model.addAttribute("unavailable", true);
        return answer(request, response);
    }

    private static String answer(HttpServletRequest request, HttpServletResponse response) {
        if (htmx(request)) {
            response.setHeader("HX-Retarget", "#messages");
            response.setHeader("HX-Reswap", "innerHTML");
            response.setHeader("HX-Push-Url", "false"); // a refused boosted form stays on its page's address
            return "fragments :: refusal";
        }
        return "refusal";
    }

    /** An htmx request that keeps the page: a fragment, or a boosted form; a boosted link swaps in the whole page. */
    private static boolean htmx(HttpServletRequest request) {
        boolean boosted = "true".equals(request.getHeader("HX-Boosted"));
        return "true".equals(request.getHeader("HX-Request")) && (!boosted || !"GET".equals(request.getMethod()));
    }
}
