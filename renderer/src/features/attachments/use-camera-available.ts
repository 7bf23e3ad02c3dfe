import { useEffect, useState } from 'react';

/**
 * Whether the laptop has a camera. Device kinds are listed without asking for
 * permission (labels stay empty until then), so the "take photo" button can
 * be hidden on machines without one, and appear when a USB camera is plugged in.
 */
export function useCameraAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!devices?.enumerateDevices || !devices.getUserMedia) return;
    let current = true;
    const check = () => {
      devices.enumerateDevices().then(
        (list) => {
          if (current) setAvailable(list.some((device) => device.kind === 'videoinput'));
        },
        () => undefined,
      );
    };
    check();
    devices.addEventListener('devicechange', check);
    return () => {
      current = false;
      devices.removeEventListener('devicechange', check);
    };
  }, []);
  return available;
}
