package org.safeload.app;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's signed-in session for MockMvc: the session cookie a sign-in answered with, sent with
 * each later request ({@code .with(signedIn)}). Sessions live in the database (Spring Session), so,
 * as in a browser, the cookie is what carries them — not the container's session object.
 */
public final class SignedIn implements RequestPostProcessor {

  private final Cookie cookie;

  private SignedIn(Cookie cookie) {
    this.cookie = cookie;
  }

  /** The session a sign-in's answer set up. */
  public static SignedIn from(MvcResult signIn) {
    Cookie cookie = signIn.getResponse().getCookie("SESSION");
    if (cookie == null) {
      throw new AssertionError(
          "The sign-in set no session cookie (status "
              + signIn.getResponse().getStatus()
              + ", location "
              + signIn.getResponse().getRedirectedUrl()
              + ")");
    }
    return new SignedIn(cookie);
  }

  @Override
  public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
    List<Cookie> cookies =
        new ArrayList<>(
            request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
    cookies.add(cookie);
    request.setCookies(cookies.toArray(Cookie[]::new));
    return request;
  }
}
