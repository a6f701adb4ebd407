// Asks before leaving a form with unsaved changes (React Router's useBlocker).
// Forms call `allowNavigation()` right before navigating away on purpose (after a
// save or a delete), because the dirty flag they render with may still be stale then.
import { Button, Group, Modal, Text } from "@mantine/core";
import { useCallback, useEffect, useRef } from "react";
import { type BlockerFunction, useBlocker } from "react-router";

export function useUnsavedChangesGuard(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  const allowedRef = useRef(false);

  useEffect(() => {
    dirtyRef.current = dirty;
    if (dirty) {
      allowedRef.current = false;
    }
  }, [dirty]);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current &&
      !allowedRef.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  const allowNavigation = useCallback(() => {
    allowedRef.current = true;
  }, []);

  const modal = (
    <Modal
      opened={blocker.state === "blocked"}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      size="md"
      centered
    >
      <Text size="sm">
        Your changes on this page have not been saved. If you leave now, they are lost.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-testid="unsaved-stay">
          Stay
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()} data-testid="unsaved-leave">
          Discard changes
        </Button>
      </Group>
    </Modal>
  );

  return { allowNavigation, unsavedChangesModal: modal };
}
