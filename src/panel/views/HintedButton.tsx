import { ActionButton, Tooltip, TooltipTrigger, VisuallyHidden } from "@adobe/react-spectrum";
import { useId, type ReactNode } from "react";

/** A button named by its visible label alone (WCAG 2.5.3: what is seen is what is said); the
 * longer meaning is its description, and its tooltip on hover or keyboard focus. */
export function HintedButton({
  hint,
  isDisabled,
  onPress,
  children,
}: {
  hint: string;
  isDisabled?: boolean;
  onPress: () => void;
  children: ReactNode;
}) {
  const hintId = useId();
  return (
    <>
      <TooltipTrigger delay={600}>
        <ActionButton isDisabled={isDisabled} onPress={onPress} aria-describedby={hintId}>
          {children}
        </ActionButton>
        <Tooltip>{hint}</Tooltip>
      </TooltipTrigger>
      <VisuallyHidden elementType="span" id={hintId}>
        {hint}
      </VisuallyHidden>
    </>
  );
}
