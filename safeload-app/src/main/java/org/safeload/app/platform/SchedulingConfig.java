package org.safeload.app.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Housekeeping on a timer ({@code @Scheduled} methods): deleting what is kept no longer than
 * needed, such as a staged Annex A workbook after a day.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfig {}
