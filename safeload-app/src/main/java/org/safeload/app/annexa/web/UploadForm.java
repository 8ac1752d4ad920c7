package org.safeload.app.annexa.web;

import org.safeload.app.platform.DateParts;

/** The upload form's choices besides the file: skip unreadable rows, and the extract date. */
public class UploadForm {

  private boolean skipInvalid;
  private DateParts extractDate = new DateParts();

  public boolean isSkipInvalid() {
    return skipInvalid;
  }

  public void setSkipInvalid(boolean skipInvalid) {
    this.skipInvalid = skipInvalid;
  }

  public DateParts getExtractDate() {
    return extractDate;
  }

  public void setExtractDate(DateParts extractDate) {
    this.extractDate = extractDate;
  }
}
