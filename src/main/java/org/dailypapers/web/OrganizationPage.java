package org.dailypapers.web;

import java.util.List;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Organization;

/** An organization's screen: its papers on the feed, newest first. */
public record OrganizationPage(Organization organization, List<FeedPaper> papers) {}
