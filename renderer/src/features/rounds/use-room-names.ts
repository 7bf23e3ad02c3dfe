import { useEffect, useMemo } from 'react';
import { roomOptions, type RoomOption } from '../assets/location-options';
import { useLocations } from '../locations/locations.store';

/** The machine rooms for pickers, and each room's "Client / Site / Room" by id; loads the tree once. */
export function useRooms(): { rooms: RoomOption[]; roomNames: Map<string, string>; loaded: boolean } {
  const tree = useLocations((state) => state.tree);
  const load = useLocations((state) => state.load);
  useEffect(() => {
    if (useLocations.getState().tree === null) void load();
  }, [load]);
  return useMemo(() => {
    const rooms = tree ? roomOptions(tree) : [];
    return { rooms, roomNames: new Map(rooms.map((room) => [room.id, `${room.parentPath} / ${room.name}`])), loaded: tree !== null };
  }, [tree]);
}
