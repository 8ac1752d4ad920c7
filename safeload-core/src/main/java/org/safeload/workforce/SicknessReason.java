package org.safeload.workforce;

import java.util.Optional;
import org.safeload.document.Coded;
import org.safeload.document.Codes;

/** Why a worker was off sick, in broad groups (never a diagnosis). */
public enum SicknessReason implements Coded {
  MENTAL_HEALTH("mental-health", "Stress, anxiety, depression or other mental health"),
  MUSCULOSKELETAL("musculoskeletal", "Back, neck, joints or muscles"),
  INFECTION("infection", "Cold, flu or other infection"),
  DIGESTIVE("digestive", "Stomach or digestion"),
  INJURY("injury", "Injury or accident"),
  OPERATION("operation", "Operation or recovery from one"),
  OTHER("other", "Other");

  private final String code;
  private final String label;

  SicknessReason(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  public static Optional<SicknessReason> fromCode(String code) {
    return Codes.fromCode(SicknessReason.class, code);
  }

  public static String codes() {
    return Codes.codes(SicknessReason.class);
  }
}
