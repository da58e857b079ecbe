/**
 * `/p/…`: a developer's pricing page at its stable address, or an old link
 * by publishable key sent on to that address. The old link costs one lookup
 * (the key's platform) and is then replaced in history, so Back does not
 * return to it.
 */
import { useEffect, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { publicApi } from "../api/public-api";
import { ErrorState, Loading } from "../components/ui";
import { legacyRedirectPath, parsePricingPath } from "../lib/pricing-address";
import { pricingError } from "../lib/pricing-session";
import { PricingPage } from "./pricing-page";

export function PricingRoute() {
  const { pathname } = useLocation();
  const path = parsePricingPath(pathname);
  if (!path)
    return (
      <Centered>
        <ErrorState error={new Error("This pricing page does not exist. Check the link you were given.")} />
      </Centered>
    );
  if (path.kind === "legacy") return <LegacyPricingRedirect publishableKey={path.publishableKey} />;
  // A new page (platform or mode) starts from scratch: no state of the previous one carries over.
  return <PricingPage key={`${path.platformId}:${path.mode}`} platformId={path.platformId} mode={path.mode} />;
}

function LegacyPricingRedirect({ publishableKey }: { publishableKey: string }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let current = true;
    publicApi.tiers(publishableKey).then(
      ({ platformId }) => {
        if (!current) return;
        if (typeof platformId === "string" && platformId !== "") navigate(legacyRedirectPath(publishableKey, platformId, search), { replace: true });
        else setError(new Error("This pricing link could not be opened. Ask the app's team for the link to their pricing page."));
      },
      (caught: unknown) => {
        if (current) setError(pricingError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [publishableKey, search, navigate]);
  return <Centered>{error ? <ErrorState error={error} /> : <Loading label="Opening the pricing page…" />}</Centered>;
}

function Centered({ children }: { children: ReactNode }) {
  return <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">{children}</main>;
}
