import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { developerSession } from "../auth/developer-auth";
import { ErrorState, Loading } from "../components/ui";
import { safeRedirectPath } from "../lib/safe-redirect";

/** Where the local Clerk stand-in's sign-in page sends the developer back (session in the URL fragment). */
export function AuthCallback() {
  const [params] = useSearchParams();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (developerSession.captureFromHash(window.location.hash)) {
      // A full load, so the auth provider starts from the stored session; `to` may only name a page of ours.
      window.location.replace(safeRedirectPath(params.get("to"), window.location.origin));
    } else {
      setFailed(true);
    }
  }, [params]);
  return failed ? <ErrorState error={new Error("Sign-in did not complete. Try again from the home page.")} /> : <Loading label="Signing you in…" />;
}
