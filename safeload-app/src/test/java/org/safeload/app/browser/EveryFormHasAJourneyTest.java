package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.platform.ApiController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every form a page can submit (every POST handler outside the API) has a browser journey that
 * submits it in Chromium, marked with {@link Submits}; a new form without one fails here.
 */
@SafeloadSpringTest
class EveryFormHasAJourneyTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyPagePostHandlerHasABrowserJourney() throws Exception {
    Set<String> forms = pageForms();
    Set<String> journeys = submittedByJourneys();
    assertThat(forms).as("the app's page forms").isNotEmpty();
    assertThat(journeys)
        .as("page forms with a browser journey (@Submits); the rest have none")
        .containsAll(forms);
    assertThat(forms).as("journeys naming forms that do not exist").containsAll(journeys);
  }

  Set<String> pageForms() {
    Set<String> forms = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ApiController.class)
                  || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                return;
              }
              info.getPatternValues().forEach(p -> forms.add("POST " + p));
            });
    return forms;
  }

  static Set<String> submittedByJourneys() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(
        (reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Test"));
    Set<String> submitted = new TreeSet<>();
    for (var candidate : scanner.findCandidateComponents("org.safeload.app")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Method m : type.getDeclaredMethods()) {
        Submits s = m.getAnnotation(Submits.class);
        if (s != null) {
          submitted.addAll(java.util.Arrays.asList(s.value()));
        }
      }
    }
    return submitted;
  }
}
