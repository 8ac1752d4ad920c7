package org.safeload.app.annexa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A page's form as a browser would send it untouched: each field with the value it shows. */
public final class PageForms {

  private PageForms() {}

  /** Every field's value: a text box's, a select's chosen option (else its first), hidden ones. */
  public static Map<String, String> fields(Element form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element e : form.select("input[name], select[name], textarea[name]")) {
      String name = e.attr("name");
      switch (e.tagName()) {
        case "select" -> {
          Element chosen = e.selectFirst("option[selected]");
          if (chosen == null) {
            chosen = e.selectFirst("option");
          }
          fields.put(name, chosen == null ? "" : chosen.attr("value"));
        }
        case "textarea" -> fields.put(name, e.text());
        default -> {
          String type = e.attr("type");
          if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) {
            continue;
          }
          if (!type.equals("file")) {
            fields.put(name, e.attr("value"));
          }
        }
      }
    }
    return fields;
  }

  /** The request with the fields as parameters (the CSRF token the page rendered among them). */
  public static MockHttpServletRequestBuilder with(
      MockHttpServletRequestBuilder request, Map<String, String> fields) {
    fields.forEach(request::param);
    return request;
  }
}
