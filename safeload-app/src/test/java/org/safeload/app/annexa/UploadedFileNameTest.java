package org.safeload.app.annexa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name an uploaded workbook is kept and reported under. */
class UploadedFileNameTest {

  @Test
  void aBrowsersFolderAndControlCharactersAreDroppedAndABlankNameIsNamed() {
    assertThat(AnnexAUploads.fileName("C:\\fakepath\\Annex A Nov.xlsx"))
        .isEqualTo("Annex A Nov.xlsx");
    assertThat(AnnexAUploads.fileName("/home/me/annex-a.xlsx")).isEqualTo("annex-a.xlsx");
    assertThat(AnnexAUploads.fileName("annex\u0000-a\n.xlsx")).isEqualTo("annex-a.xlsx");
    assertThat(AnnexAUploads.fileName("  ")).isEqualTo("workbook.xlsx");
    assertThat(AnnexAUploads.fileName(null)).isEqualTo("workbook.xlsx");
    // At most 200 characters, the end kept: 250 x's and ".xlsx" keep the last 195 x's.
    assertThat(AnnexAUploads.fileName("x".repeat(250) + ".xlsx")).hasSize(200).endsWith("x.xlsx");
  }
}
