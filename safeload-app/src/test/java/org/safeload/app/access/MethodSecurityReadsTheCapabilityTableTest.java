package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every method-security check in the app reads the capability table, and gives the table's answer:
 * each method with a {@code @PreAuthorize} (written as {@link Requires}, or as the bean expression
 * where a module cannot name the enum) is put, for every role and for no one signed in, through the
 * app's own {@code @PreAuthorize} interceptor, with a stand-in for the method so that nothing runs.
 * The pages and API are in front of these checks (RouteTableTest), so this is what proves them.
 */
@SafeloadSpringTest
class MethodSecurityReadsTheCapabilityTableTest {

  private static final Pattern BEAN_EXPRESSION =
      Pattern.compile("@capabilities\\.allows\\('([A-Z_]+)'\\)");

  @Autowired ApplicationContext context;

  @Autowired
  @Qualifier("preAuthorizeAuthorizationMethodInterceptor")
  MethodInterceptor preAuthorize;

  /**
   * A checked method of a bean, and the capability its annotation names; none for one that any
   * signed-in account may call ({@code isAuthenticated()}, as for changing one's own password).
   */
  record Checked(Object target, Method method, Capability capability) {
    boolean allows(AccessRole role) {
      return capability == null || capability.allows(role);
    }
  }

  private List<Checked> checkedMethods(List<String> strays) {
    Map<String, Checked> checked = new TreeMap<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> found = context.getType(name);
      // Request- and session-scoped beans have a target that exists only within a request.
      if (found == null || name.startsWith("scopedTarget.")) {
        continue;
      }
      Class<?> type = ClassUtils.getUserClass(found);
      if (!type.getName().startsWith("org.safeload.app.")) {
        continue;
      }
      Object bean = context.getBean(name);
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
        PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (pre == null) {
          continue;
        }
        String where = type.getSimpleName() + "." + method.getName();
        Requires requires = AnnotatedElementUtils.findMergedAnnotation(method, Requires.class);
        Matcher expression = BEAN_EXPRESSION.matcher(pre.value());
        Capability capability;
        if (requires != null) {
          capability = requires.value();
        } else if (expression.matches()) {
          capability = Capability.valueOf(expression.group(1));
        } else if (pre.value().equals("isAuthenticated()")) {
          capability = null;
        } else {
          strays.add(where + ": " + pre.value());
          continue;
        }
        checked.put(
            where + method.toGenericString(),
            new Checked(AopTestUtils.getUltimateTargetObject(bean), method, capability));
      }
    }
    return new ArrayList<>(checked.values());
  }

  @Test
  void everyCheckNamesACapabilityAndGivesItsAnswerToEveryRole() throws Throwable {
    List<String> strays = new ArrayList<>();
    List<Checked> checked = checkedMethods(strays);
    assertThat(strays)
        .as(
            "@PreAuthorize that does not read the capability table: use @Requires(Capability.X),"
                + " or isAuthenticated() for any signed-in account")
        .isEmpty();
    // The services of every module that checks anything, the audit trail's included.
    assertThat(checked.stream().map(c -> c.target().getClass().getSimpleName()).distinct())
        .contains(
            "OrganisationService",
            "WorkforceService",
            "ContractService",
            "TimelinessService",
            "RuleSets",
            "CaseActivity",
            "CaseloadBoards",
            "UnallocatedCases",
            "Handovers",
            "AllocationPolicies",
            "UserAccounts",
            "ApiTokens",
            "AuditLog");
    List<String> wrong = new ArrayList<>();
    for (Checked c : checked) {
      for (AccessRole role : AccessRole.values()) {
        boolean allowed =
            passes(
                c,
                UsernamePasswordAuthenticationToken.authenticated(
                    "someone", null, AuthorityUtils.createAuthorityList(role.authority())));
        if (allowed != c.allows(role)) {
          wrong.add(
              c.method().getDeclaringClass().getSimpleName()
                  + "."
                  + c.method().getName()
                  + " ("
                  + c.capability()
                  + ") "
                  + (allowed ? "lets " : "refuses ")
                  + role);
        }
      }
      if (passes(
          c,
          new AnonymousAuthenticationToken(
              "anonymous", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))) {
        wrong.add(c.method().getName() + " lets someone who is not signed in through");
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Whether the interceptor lets the call through; the method itself never runs. */
  private boolean passes(Checked c, Authentication who) throws Throwable {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(who);
    SecurityContextHolder.setContext(context);
    SimpleMethodInvocation call =
        new SimpleMethodInvocation(
            c.target(), c.method(), new Object[c.method().getParameterCount()]) {
          @Override
          public Object proceed() {
            return "went through";
          }
        };
    try {
      return "went through".equals(preAuthorize.invoke(call));
    } catch (AccessDeniedException refused) {
      return false;
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void everyCapabilityIsKnownToThePagesByItsFlag() {
    // The layout gives pages canEditMoney, canReadCases, ...: the names templates already use.
    assertThat(Capability.EDIT_MONEY.pageFlag()).isEqualTo("canEditMoney");
    assertThat(Capability.READ_ORGANISATION.pageFlag()).isEqualTo("canReadOrganisation");
  }
}
