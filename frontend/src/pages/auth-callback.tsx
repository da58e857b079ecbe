import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { developerSession } from "../auth/developer-auth";
import { ErrorState, Loading } from "../components/ui";

/** Where the local Clerk stand-in's sign-in page sends the developer back (session in the URL fragment). */
export function AuthCallback() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const to = params.get("to") ?? "/dashboard";
    if (developerSession.captureFromHash(window.location.hash)) {
      // A full load, so the auth provider starts from the stored session.
      window.location.replace(to.startsWith("/") ? to : "/dashboard");
    } else {
      setFailed(true);
    }
  }, [navigate, params]);
  return failed ? <ErrorState error={new Error("Sign-in did not complete. Try again from the home page.")} /> : <Loading label="Signing you in…" />;
}
