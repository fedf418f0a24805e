export { type CompiledPlaces, compilePlaces, type PlaceKey } from './compile-places.ts';
export { findPlaces, type PlaceSearchText } from './find-places.ts';
export { inflectPlaceWord, MIN_INFLECTED_LENGTH } from './inflect.ts';
