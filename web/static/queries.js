// The documents the page sends, by operation name. Their text is in web/queries/ (the
// ProfilePage's in schema/profile_page.graphql); the page sends each by its hash (api.js run).

export const PROFILE_PAGE = "ProfilePage";
export const NODE_PAGE = "NodePage";
export const EXPLORE = "Explore";
export const WORKS_PAGE = "WorksPage";
export const FIND_RESEARCHERS = "FindResearchers";
export const CONNECTION_PATH = "ConnectionPath";
export const SIGN_IN_CHECK = "SignInCheck";
export const FOLLOW = "Follow";
export const UNFOLLOW = "Unfollow";
export const CLAIM = "Claim";
export const INVITE = "Invite";
export const SPLIT = "Split";
