package org.safeload.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/**
 * What every page's layout needs (the council, the person signed in, what they may do), filled by
 * the organisation module. Model attributes from controller advice do not reach exception handlers,
 * so {@link PageProblems} fills its pages through this.
 */
public interface LayoutModel {
  void fill(Model model, HttpServletRequest request);
}
