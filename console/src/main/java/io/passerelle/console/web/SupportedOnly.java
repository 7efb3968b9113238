package io.passerelle.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Lets {@code ?lang=} switch only to a language the console has (en, fr); anything else is ignored. */
record SupportedOnly(LocaleChangeInterceptor change) implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws jakarta.servlet.ServletException {
        String lang = request.getParameter(change.getParamName());
        if (lang != null && Languages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
            return true;
        }
        return change.preHandle(request, response, handler);
    }
}
